//! `cargo xtask serve`: install what is missing, build the app with Trunk and serve it on
//! 127.0.0.1 with the embedded demo data.

use crate::install;
use crate::process::{cmd, run as run_command, Result};

pub fn run(args: &[&str]) -> Result {
    let dev = args.contains(&"--dev");
    let port = match args.iter().position(|a| *a == "--port") {
        Some(i) => args
            .get(i + 1)
            .and_then(|p| p.parse::<u16>().ok())
            .ok_or("--port needs a number")?,
        None => 8080,
    };
    install::build_tools()?;
    run_command(cmd("cargo", &["fetch", "--locked"]))?;
    let port_text = port.to_string();
    let mut trunk_args = vec![
        "serve",
        "--offline",
        "--locked",
        "--address",
        "127.0.0.1",
        "--port",
        &port_text,
    ];
    if !dev {
        trunk_args.push("--release");
    }
    println!(
        "\nlivetrust: building the app ({}); it will be served at http://127.0.0.1:{port}/ (Ctrl-C stops)\n",
        if dev { "dev build" } else { "release build" }
    );
    run_command(cmd("trunk", &trunk_args))
}
