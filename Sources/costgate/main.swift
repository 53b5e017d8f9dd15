import CMallocTuning
import CostGateCLI

// glibc grows each thread's heap by what an allocation lacks, an mprotect call and fresh pages at a
// time: reading 2,000 manifests in `scripts/bench-estimate.sh` made over 1,000 such calls, each
// taking the address-space lock the other thread's page faults wait on. 16 MiB at a time instead
// (untouched pages cost nothing), and large blocks kept on the heap (cmalloc_tuning.c says why).
_ = cmalloc_grow_heap_in_large_steps()

CostgateCommand.runAndExit()
