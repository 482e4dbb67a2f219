/** Chart and map models shared by the desk (SVG) and the PDF report (issue 5). */
export {};
