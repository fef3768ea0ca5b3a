"""Drives a command through a pseudo-terminal, as a person at a keyboard would.

Usage: python3 pty-driver.py STEPS_JSON command args...
STEPS_JSON is a list of [text to wait for, keys to send]. Prints the transcript and exits with
the command's exit code (124 when a wait times out).
"""
import json, os, pty, select, sys, time

steps = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])

transcript = b""
seen = 0


def read_some(deadline):
    global transcript
    ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.time()))
    if not ready:
        return False
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        return None
    if not chunk:
        return None
    transcript += chunk
    return True


for wait, keys in steps:
    deadline = time.time() + 60
    needle = wait.encode("utf-8")
    while transcript.find(needle, seen) < 0:
        if time.time() > deadline or read_some(deadline) is None:
            sys.stdout.write(transcript.decode("utf-8", "replace"))
            os.kill(pid, 9)
            sys.exit(124)
    seen = transcript.find(needle, seen) + len(needle)
    time.sleep(0.2)
    os.write(fd, keys.encode("utf-8"))

deadline = time.time() + 60
while time.time() < deadline and read_some(deadline) is not None:
    pass
_, status = os.waitpid(pid, 0)
sys.stdout.write(transcript.decode("utf-8", "replace"))
sys.exit(os.waitstatus_to_exitcode(status))
