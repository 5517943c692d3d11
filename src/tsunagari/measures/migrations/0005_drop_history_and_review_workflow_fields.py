from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):
    """After 0004 moved memberships, reports and history onto the staff layer: drop
    django-simple-history's tables, the old ministry memberships and the review's workflow
    fields (the workflow lives in Submission now)."""

    dependencies = [
        ("measures", "0004_move_onto_staff_layer"),
        ("staff", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='measure',
            options={'ordering': ['plan', 'number', 'page']},
        ),
        migrations.AlterModelOptions(
            name='review',
            options={'ordering': ['measure', 'fiscal_year']},
        ),
        migrations.RemoveField(
            model_name='review',
            name='decided_by',
        ),
        migrations.RemoveField(
            model_name='review',
            name='reviewer_comment',
        ),
        migrations.RemoveField(
            model_name='review',
            name='state',
        ),
        migrations.RemoveField(
            model_name='review',
            name='submitted_by',
        ),
        migrations.DeleteModel(
            name='HistoricalHeading',
        ),
        migrations.DeleteModel(
            name='HistoricalIndicator',
        ),
        migrations.DeleteModel(
            name='HistoricalListing',
        ),
        migrations.DeleteModel(
            name='HistoricalMeasure',
        ),
        migrations.DeleteModel(
            name='HistoricalMinistry',
        ),
        migrations.DeleteModel(
            name='HistoricalMinistryMembership',
        ),
        migrations.DeleteModel(
            name='HistoricalObservation',
        ),
        migrations.DeleteModel(
            name='HistoricalPillar',
        ),
        migrations.DeleteModel(
            name='HistoricalPlan',
        ),
        migrations.DeleteModel(
            name='HistoricalReview',
        ),
        migrations.DeleteModel(
            name='MinistryMembership',
        ),
        migrations.AlterField(
            model_name="ministry",
            name="body",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="ministry",
                to="staff.body",
                verbose_name="所属",
            ),
        ),
    ]
