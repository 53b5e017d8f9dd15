#ifndef CMALLOC_TUNING_H
#define CMALLOC_TUNING_H

/// Makes glibc grow the main heap 16 MiB at a time (M_TOP_PAD); a no-op elsewhere.
void cmalloc_grow_heap_in_large_steps(void);

#endif
