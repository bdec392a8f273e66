"""The scenes, one module each; ``base.Scene`` says what a scene may and may not do."""
