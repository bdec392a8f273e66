"""Computer partners: they play a role from its view only (never another role's secrets)."""
