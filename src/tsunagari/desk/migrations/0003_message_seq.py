"""Messages numbered within their conversation (Message.seq, Conversation.last_seq), the
existing ones in the order they were shown (time, then id)."""

from typing import Any

from django.db import migrations, models


def number(apps: Any, schema_editor: Any) -> None:
    conversation_model = apps.get_model("desk", "Conversation")
    message_model = apps.get_model("desk", "Message")
    for conversation in conversation_model.objects.all().iterator():
        messages = list(message_model.objects.filter(conversation=conversation).order_by("at", "pk"))
        for seq, message in enumerate(messages, start=1):
            message.seq = seq
        message_model.objects.bulk_update(messages, ["seq"])
        conversation.last_seq = len(messages)
        conversation.save(update_fields=["last_seq"])


class Migration(migrations.Migration):
    dependencies = [("desk", "0002_conversation_area_code")]

    operations = [
        migrations.AddField(
            model_name="conversation",
            name="last_seq",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="message",
            name="seq",
            field=models.PositiveIntegerField(null=True),
        ),
        migrations.RunPython(number, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="message",
            name="seq",
            field=models.PositiveIntegerField(),
        ),
        migrations.AlterModelOptions(name="message", options={"ordering": ["seq"]}),
        migrations.AddConstraint(
            model_name="message",
            constraint=models.UniqueConstraint(
                fields=("conversation", "seq"), name="desk_message_seq"
            ),
        ),
    ]
