import CoopZoneCLI

await CoopZoneCommand.main()
