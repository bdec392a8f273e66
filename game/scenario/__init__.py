"""The scenario format: pydantic models, safe YAML loading, authoring checks.

Import from the submodules (``game.scenario.loading``, ``game.scenario.model``): this
package file stays empty so that importing one piece does not load them all.
"""
