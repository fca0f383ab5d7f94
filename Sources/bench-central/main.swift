import CentralSim
print("x")
