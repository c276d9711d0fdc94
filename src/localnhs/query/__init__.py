"""The domain: answers about places and bodies as dataclasses, every one for a date (as_of).

Interfaces (CLI, API, web) call these functions and render what they return; only this
package knows what a commissioner, a catchment or a successor means.
"""
