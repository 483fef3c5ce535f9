from thethuc.cli import main

# Guarded: a process started with "spawn" (Windows, macOS) imports the main module again.
if __name__ == "__main__":
    main()
