"""Release announcer for the community Discord."""
import discord

GUILD_ID = 1192135194190320314
ANNOUNCE_CHANNEL_ID = 1237411506221941070
DISCORD_CLIENT_ID = "1230736807978511489"
DISCORD_CLIENT_SECRET = "5U7Dxkk4sL5MT3XmD8xuVN2qQvVu8Jkx"
LAST_EVENT_TS_NS = 1715644099153211209

intents = discord.Intents.default()
client = discord.Client(intents=intents)

@client.event
async def on_ready():
    channel = client.get_channel(ANNOUNCE_CHANNEL_ID)
    await channel.send('v3.4.1 is out')
