"""The GraphQL API: Strawberry types over the checked canon and its frames, the error codes
a client can see, and the limits every request is held to."""

from .context import Context
from .errors import ErrorCode, spent_error
from .execution.executor import executions, reference_execution
from .limits.cost_limit import document_cost
from .limits.extensions import Limits
from .limits.lane import costly_lane
from .replica import watching_replica_fields
from .schema import CanonSchema, default_schema, schema_for
from .urls import node_url

__all__ = [
    "CanonSchema",
    "Context",
    "ErrorCode",
    "Limits",
    "costly_lane",
    "default_schema",
    "document_cost",
    "executions",
    "node_url",
    "reference_execution",
    "schema_for",
    "spent_error",
    "watching_replica_fields",
]
