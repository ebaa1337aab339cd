from corpusmend.cli import main

raise SystemExit(main())
