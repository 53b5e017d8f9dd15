// CAllocator links mimalloc on Linux, the allocator of the whole process (callocator.c says why).
import CAllocator
import CostGateCLI

CostgateCommand.runAndExit()
