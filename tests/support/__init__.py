"""What several test modules share: strategies, the oracle, the safety checks, the bad-input table.

The test modules import from here (``from support.oracle import owner``) and never
from each other; pytest puts ``tests/`` on the path (``pythonpath`` in pyproject.toml).
"""
