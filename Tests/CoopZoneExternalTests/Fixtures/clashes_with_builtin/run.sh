#!/bin/sh
echo "loading the model" >&2
echo "Traceback: something broke" >&2
exit 3
