import sys
sys.stdin.readline()
sys.stderr.write("writing a lot\n")
sys.stderr.flush()
chunk = "x" * (1 << 20)
for _ in range(10):
    sys.stdout.write(chunk)
sys.stdout.flush()
