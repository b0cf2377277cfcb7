/*
 * sim.h - the simulator's public face: installs the asyncio module (and,
 * as issue 3 proceeds, the trace) on a VM.
 */
#ifndef LOOPSCOPE_SIM_H
#define LOOPSCOPE_SIM_H

#include "vm.h"

void sim_init(VM *vm);   /* after vm_new: registers the asyncio module */
void sim_free(VM *vm);   /* before vm_free */

#endif
