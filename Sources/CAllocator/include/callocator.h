#ifndef CALLOCATOR_H
#define CALLOCATOR_H

/// 1 when this process's `malloc` is mimalloc's (costgate links it on Linux; see callocator.c), else 0.
int callocator_is_mimalloc(void);

#endif
