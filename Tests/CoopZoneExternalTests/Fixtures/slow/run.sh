#!/bin/sh
echo "thinking very hard" >&2
# A child in the same process group: the timeout must kill it too.
sleep 60 &
sleep 60
