"""The HR instruments the source documents describe: the functiemix, the AVS contribution,
example functions and their scales, and comparing two CAO editions."""
