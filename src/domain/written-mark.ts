/** The mark thidua leaves in what it writes: a custom property of a Word file, the generator of an HTML page. */
export const WRITTEN_MARK = 'thidua';
