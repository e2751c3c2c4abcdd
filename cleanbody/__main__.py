from cleanbody.cli import main

raise SystemExit(main())
