//! Validation of a document: findings with a stable code, a severity and the unit concerned.
