"""The expression language: nodes, walks, the function table, numbers; imports nothing above it."""
