from casevault.cli import main

raise SystemExit(main())
