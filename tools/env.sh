# Sourced by the tools: the PATH on which the build finds its helpers.
export PATH="$HOME/.cargo/bin:$PATH"
# Trunk must never try to download a tool: it finds them on PATH instead.
export TRUNK_OFFLINE=true
