//! The code behind the runnable examples, as a library so the end-to-end tests
//! can start the same services on ephemeral ports.

pub mod actix_app;
pub mod cli;
pub mod demo;
pub mod error;
pub mod grpc;
pub mod layout;
pub mod lookup;
pub mod reference;
pub mod store;
