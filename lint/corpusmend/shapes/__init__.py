"""Text shapes that several check kinds look for, as plain functions and classes.

Kinds never import each other: what two kinds share lives here.
"""
