"""One module per official file format: parse and validate rows, nothing else.

Every reader returns typed rows plus the rows it rejected as ``file:line: reason``;
the build decides whether the reject rate is acceptable.
"""
