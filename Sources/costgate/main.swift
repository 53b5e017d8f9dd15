import CMallocTuning
import CostGateCLI

// glibc grows the main heap by what each allocation lacks, a system call and fresh pages at a
// time: reading a few thousand manifests grew it hundreds of times (about 6% of a 2,000-file
// `estimate` in `scripts/bench-estimate.sh`). 16 MiB at a time instead; untouched pages cost nothing.
cmalloc_grow_heap_in_large_steps()

CostgateCommand.runAndExit()
