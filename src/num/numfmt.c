/* placeholder, replaced below */
#include "numfmt.h"
