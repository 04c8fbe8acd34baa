import sys

from talkbot.cli import main

sys.exit(main())
