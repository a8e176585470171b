//! The `schemat` binary: parse the arguments and hand over to the library.

fn main() -> std::process::ExitCode {
    schemat::run(std::env::args_os())
}
