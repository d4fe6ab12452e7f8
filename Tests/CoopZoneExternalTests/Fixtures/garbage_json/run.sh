#!/bin/sh
read line
echo "garbage written" >&2
echo "Hello, this is not JSON {"
sleep 5
