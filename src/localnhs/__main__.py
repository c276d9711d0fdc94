from localnhs.cli import main

main()
