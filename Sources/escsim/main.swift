print("escsim")
