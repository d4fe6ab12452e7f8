import CoopZoneCLI

await CoopZoneCommand.runMain()
