// Reloads the page every two seconds while the live application has running jobs.
if (document.body.dataset.refresh === "true") {
  setTimeout(function () { location.reload(); }, 2000);
}
