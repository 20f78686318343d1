package io.ember.rdd.internal.ui.progress;

/**
 * A running stage attempt as the progress bar draws it.
 *
 * @param submissionTime epoch milliseconds when the attempt started
 * @param completedTasks tasks that succeeded
 * @param activeTasks tasks running now
 */
public record StageProgress(int stageId, int attempt, int numTasks, long submissionTime, int completedTasks,
                            int activeTasks) {

    /**
     * This stage as Spark draws it in {@code width} columns, e.g.
     * {@code [Stage 3:=====>        (12 + 2) / 40]}; just the counts if the bar does not fit.
     */
    public String render(int width) {
        String header = "[Stage " + stageId + ":";
        String tail = "(" + completedTasks + " + " + activeTasks + ") / " + numTasks + "]";
        int barWidth = width - header.length() - tail.length();
        StringBuilder bar = new StringBuilder(header);
        if (barWidth > 0) {
            int done = numTasks <= 0 ? 0 : (int) ((long) barWidth * Math.min(completedTasks, numTasks) / numTasks);
            for (int i = 0; i < barWidth; i++) {
                bar.append(i < done ? '=' : i == done ? '>' : ' ');
            }
        }
        return bar.append(tail).toString();
    }

    StageProgress taskStarted() {
        return new StageProgress(stageId, attempt, numTasks, submissionTime, completedTasks, activeTasks + 1);
    }

    StageProgress taskEnded(boolean succeeded) {
        return new StageProgress(stageId, attempt, numTasks, submissionTime, completedTasks + (succeeded ? 1 : 0),
                Math.max(0, activeTasks - 1));
    }
}
