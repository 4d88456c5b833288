// The default theme is compiled into the binary (include_dir!); rebuild when any of it changes,
// including files added since the last build.
fn main() {
    println!("cargo:rerun-if-changed=themes/default");
}
