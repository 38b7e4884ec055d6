//! The `forkserver` start method: the cases of `methods/`, each child forked by a server that is
//! a fresh run of this program.

mod methods;
mod support;

fn main() -> std::process::ExitCode {
    methods::main_for(common::process::StartMethod::ForkServer)
}
