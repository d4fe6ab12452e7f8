// The system libxlsxwriter (Debian: libxlsxwriter-dev; pkg-config xlsxwriter), which writes
// Excel .xlsx workbooks with native charts.
#include <xlsxwriter.h>
