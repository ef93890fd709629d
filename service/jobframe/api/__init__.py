"""The GraphQL API: Strawberry types over the checked canon and its frames, the error codes
a client can see, and the limits every request is held to."""

from .context import Context
from .errors import ErrorCode, spent_error
from .execution.executor import executions, reference_execution
from .limits.cost_limit import document_cost
from .limits.extensions import Limits
from .limits.lane import costly_lane
from .replica import watching_replica_fields
from .schema import build_schema, schema
from .urls import node_url

__all__ = [
    "Context",
    "ErrorCode",
    "Limits",
    "build_schema",
    "costly_lane",
    "document_cost",
    "executions",
    "node_url",
    "reference_execution",
    "schema",
    "spent_error",
    "watching_replica_fields",
]
