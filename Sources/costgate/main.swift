import CostGateCLI

CostgateCommand.runAndExit()
