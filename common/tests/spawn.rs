//! The `spawn` start method: the cases of `methods/`, each child a fresh run of this program.

mod methods;
mod support;

fn main() -> std::process::ExitCode {
    methods::main_for(common::process::StartMethod::Spawn)
}
