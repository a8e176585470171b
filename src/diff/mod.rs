//! Semantic diff of two versions of a document (old = in force, new = proposal).
