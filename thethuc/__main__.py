from thethuc.cli import main

main()
