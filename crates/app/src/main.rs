//! Entry point Trunk builds: mounts the livetrust app on `<body>`.

fn main() {
    yew::Renderer::<livetrust_app::App>::new().render();
}
