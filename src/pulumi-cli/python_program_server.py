"""Serves a Pulumi Python program to the real `pulumi` CLI, as Automation API inline programs are.

Usage: python python_program_server.py PROGRAM_DIR

Starts the Python SDK's own Automation API language server (pulumi.automation._server
.LanguageServer, registered as Stack.preview/up do in pulumi/automation/_stack.py) on
127.0.0.1:0, prints its port on a line of its own to stdout, and serves until stdin closes. The
CLI is then run with --client=127.0.0.1:PORT --exec-kind auto.inline (src/pulumi-cli/run-cli.ts).
The program function runs the program directory as pulumi-language-python-exec does:
chdir to it, then runpy.run_path(PROGRAM_DIR, run_name="__main__"), which runs its __main__.py.
This needs no pulumi-language-python, which cannot be built here.
"""

import os
import runpy
import sys
from concurrent import futures

import grpc
from pulumi.automation._server import LanguageServer
from pulumi.runtime._grpc_settings import _GRPC_CHANNEL_OPTIONS
from pulumi.runtime.proto import language_pb2_grpc


def main() -> None:
    if len(sys.argv) != 2:
        sys.stderr.write("usage: python_program_server.py PROGRAM_DIR\n")
        sys.exit(2)
    program_dir = os.path.abspath(sys.argv[1])
    if not os.path.isfile(os.path.join(program_dir, "__main__.py")):
        sys.stderr.write(f"python_program_server: no __main__.py in {program_dir}\n")
        sys.exit(2)
    # The program folder is part of the repository: leave no __pycache__ in it.
    sys.dont_write_bytecode = True

    def program() -> None:
        os.chdir(program_dir)
        sys.argv = [program_dir]
        runpy.run_path(program_dir, run_name="__main__")

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4), options=_GRPC_CHANNEL_OPTIONS)
    language_pb2_grpc.add_LanguageRuntimeServicer_to_server(LanguageServer(program), server)
    port = server.add_insecure_port("127.0.0.1:0")
    if port == 0:
        sys.stderr.write("python_program_server: could not bind 127.0.0.1:0\n")
        sys.exit(3)
    server.start()
    # The port is the only thing on stdout; what the program prints goes to stderr.
    sys.stdout.write(f"{port}\n")
    sys.stdout.flush()
    os.dup2(2, 1)
    sys.stdin.read()
    server.stop(0)


if __name__ == "__main__":
    main()
